n = 10
d = 0
print("before")
r = n   //   d
