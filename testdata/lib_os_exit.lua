-- os.exit ends the script with the given status after flushing output
io.write("buffered without newline")
print()
print("exiting with 3")
os.exit(3)
print("never")
