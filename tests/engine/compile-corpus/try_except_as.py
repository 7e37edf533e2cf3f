try:
    f()
except ValueError as e:
    print(e)
