-- a small stack machine interpreter
local function run(code)
  local stack, sp, pc, out = {}, 0, 1, {}
  local function push(v) sp = sp + 1; stack[sp] = v end
  local function pop() local v = stack[sp]; stack[sp] = nil; sp = sp - 1; return v end
  local ops = {
    push = function(arg) push(arg) end,
    add = function() local b, a = pop(), pop(); push(a + b) end,
    sub = function() local b, a = pop(), pop(); push(a - b) end,
    mul = function() local b, a = pop(), pop(); push(a * b) end,
    dup = function() local v = pop(); push(v); push(v) end,
    swap = function() local b, a = pop(), pop(); push(b); push(a) end,
    print = function() out[#out + 1] = tostring(pop()) end,
    jz = function(arg) if pop() == 0 then pc = arg - 1 end end,
    jmp = function(arg) pc = arg - 1 end,
  }
  local steps = 0
  while pc <= #code do
    local ins = code[pc]
    ops[ins[1]](ins[2])
    pc = pc + 1
    steps = steps + 1
  end
  return out, steps
end
local out, steps = run({{"push", 2}, {"push", 3}, {"add"}, {"push", 7}, {"mul"}, {"print"},
  {"push", 5}, {"dup"}, {"mul"}, {"print"}, {"push", 9}, {"push", 4}, {"sub"}, {"print"}})
print(out[1], out[2], out[3], steps)
-- countdown loop: push 5; loop: dup print; push -1 add; dup jz end; jmp loop
local out2, steps2 = run({{"push", 5}, {"dup"}, {"print"}, {"push", -1}, {"add"}, {"dup"}, {"jz", 9}, {"jmp", 2}, {"push", 0}})
local s = ""
for i = 1, #out2 do s = s .. out2[i] .. " " end
print(s, steps2)
