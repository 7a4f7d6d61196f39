-- io.write writes without separators or newline
io.write("a", "b", 1, 2.5, "\n")
io.write()
io.write(string.format("%d items\n", 3))
print(io.write("x") == io.stdout)
io.stdout:write("method call\n")
print(pcall(io.write, {}))
