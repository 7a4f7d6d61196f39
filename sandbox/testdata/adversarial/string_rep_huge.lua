-- expect: string
-- string.rep past the string size limit fails before anything is built,
-- and pcall cannot catch it
print(pcall(string.rep, 'x', 1e9))
return "survived"
