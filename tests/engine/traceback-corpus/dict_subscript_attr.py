class C:
    data = {"x": [1, 2]}

c = C()
print(c.data["x"][2])
