package stdlib

import "github.com/moonfuel/moonfuel/vm"

// The coroutine library (Lua 5.3 §6.2). Resuming and yielding are coroutine
// switches done by the vm's dispatch loop: a yield works across pcall,
// metamethods and iterators, and never holds a goroutine.

// OpenCoroutine registers the coroutine library.
func OpenCoroutine(st *vm.State) *vm.Table {
	t := st.NewLib("coroutine", []vm.Reg{
		{Name: "create", Fn: coCreate},
		{Name: "yield", Fn: coYield},
		{Name: "status", Fn: coStatus},
		{Name: "wrap", Fn: coWrap},
		{Name: "isyieldable", Fn: coIsYieldable},
		{Name: "running", Fn: coRunning},
	})
	t.SetField("resume", vm.ResumeFunction)
	return t
}

func checkCo(L *vm.Thread, i int) *vm.Thread {
	co := L.Arg(i).AsThread()
	if co == nil {
		L.ArgError(i, "thread expected")
	}
	return co
}

func coCreate(L *vm.Thread) int {
	L.CheckType(1, vm.TypeFunction)
	co := L.NewThread(L.Arg(1))
	L.Push(vm.ThreadValue(co))
	return 1
}

func coYield(L *vm.Thread) int { return L.Yield(L.NArgs()) }

func coStatus(L *vm.Thread) int {
	co := checkCo(L, 1)
	L.Push(vm.StringValue(L.Status(co)))
	return 1
}

func coWrap(L *vm.Thread) int {
	L.CheckType(1, vm.TypeFunction)
	co := L.NewThread(L.Arg(1))
	L.Push(L.WrapFunction(co))
	return 1
}

func coIsYieldable(L *vm.Thread) int {
	L.Push(vm.Bool(L.IsYieldable()))
	return 1
}

func coRunning(L *vm.Thread) int {
	L.Push(vm.ThreadValue(L))
	L.Push(vm.Bool(L.IsMain()))
	return 2
}
