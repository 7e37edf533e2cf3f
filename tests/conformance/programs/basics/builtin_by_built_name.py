b = __builtins__.__dict__["o" + "rd"]
print(b("a"))
