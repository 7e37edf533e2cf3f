def inner(n):
    return int(n)

def outer(s):
    return inner(s) + 1

print(outer("12"))
print(outer("twelve"))
