-- type of every kind of value
print(type(nil), type(true), type(0), type(0.5), type(""), type({}))
print(type(print), type(function() end), type(coroutine.create(print)))
print(type(type), type(type(1)))
print(pcall(type))
print(type(nil) == "nil", type(io_missing))
