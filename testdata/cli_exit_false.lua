-- os.exit(false) means failure (status 1)
print("before exit(false)")
os.exit(false)
