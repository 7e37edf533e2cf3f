expr = "2 * (3 + 4"
print(eval(expr))
