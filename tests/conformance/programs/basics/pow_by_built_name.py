import operator
print(getattr(operator, "p" + "ow")(3, 3), getattr(2.0, "__po" + "w__")(3))
