package sandbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/moonfuel/moonfuel/sandbox"
)

// A script runs under limits; exhaustion is a typed error that names the
// limit, the figures and the place.
func Example() {
	s, err := sandbox.NewString(`
local n = 0
while true do n = n + 1 end`, "=loop", sandbox.Config{Limits: sandbox.Limits{Fuel: 1000}})
	if err != nil {
		panic(err)
	}
	_, err = s.Run(context.Background())
	fmt.Println(errors.Is(err, sandbox.ErrFuel), err)
	// Output: true fuel limit exhausted: used 1000 of 1000 units at loop:3
}

// Messages are copied between the host and the script; receive suspends
// the script without holding a goroutine.
func Example_messages() {
	s, _ := sandbox.NewString(`
local m = sandbox.receive()
sandbox.send({greeting = "hello " .. m.name})
print("sent")`, "=greeter", sandbox.Config{Stdout: os.Stdout})
	ctx := context.Background()
	st, _ := s.Step(ctx, 0) // runs until receive waits
	fmt.Println(st)
	s.Send(map[string]any{"name": "world"})
	s.Run(ctx)
	reply, _ := s.Receive(ctx)
	fmt.Println(reply.(*sandbox.Table).Get("greeting"))
	// Output:
	// waiting
	// sent
	// hello world
}
