-- a tiny brainfuck interpreter using string.byte/char/sub
local function run(prog, input)
  local tape, ptr, pc, out, inp = {}, 1, 1, "", 1
  local jump, stack = {}, {}
  for i = 1, #prog do
    local c = string.sub(prog, i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then local j = stack[#stack]; stack[#stack] = nil; jump[i] = j; jump[j] = i end
  end
  while pc <= #prog do
    local c = string.sub(prog, pc, pc)
    if c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "+" then tape[ptr] = ((tape[ptr] or 0) + 1) % 256
    elseif c == "-" then tape[ptr] = ((tape[ptr] or 0) - 1) % 256
    elseif c == "." then out = out .. string.char(tape[ptr] or 0)
    elseif c == "," then tape[ptr] = string.byte(input, inp) or 0; inp = inp + 1
    elseif c == "[" then if (tape[ptr] or 0) == 0 then pc = jump[pc] end
    elseif c == "]" then if (tape[ptr] or 0) ~= 0 then pc = jump[pc] end
    end
    pc = pc + 1
  end
  return out
end
print(run("++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."))
print(run(",[.,]", "echo"))
