print(type(1)("42") + 1)
