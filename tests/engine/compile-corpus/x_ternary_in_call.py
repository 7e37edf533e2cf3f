print(a if b else c, d or e)
