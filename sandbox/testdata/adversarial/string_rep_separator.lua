-- expect: string
print(pcall(string.rep, 'x', 1e8, ', '))
return "survived"
