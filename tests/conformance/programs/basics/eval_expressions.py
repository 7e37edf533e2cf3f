# eval() returns the expression's value, constant-folded or not
x = [1, 2]
print(eval("6*7"))
print(eval("42"), eval("'a'"), eval("None"), eval("(1, 2)"), eval("-1"))
print(eval("x[0] + 1"), eval("  len(x)"))
print(eval("[i * i for i in range(4)]"))
print(eval("x", {"x": "from globals"}))
print(eval("y + 1", {}, {"y": 1}))
exec("z = 6 * 7")
print(z)
print(exec("1 + 1"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
