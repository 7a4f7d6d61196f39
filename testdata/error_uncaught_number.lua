-- an uncaught error whose value is a number
print("number error next")
error(42)
