x = [1]
exec("d" + "el x")
print("x" in globals())
