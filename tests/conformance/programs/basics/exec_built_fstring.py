exec(chr(102) + "'{1 + 1}'")
print("ok")
