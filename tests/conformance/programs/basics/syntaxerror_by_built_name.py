import builtins
E = getattr(builtins, "Syntax" + "Error")
print(str(E("m", ("f.py", 1, 2, "t", 1, 3))))
