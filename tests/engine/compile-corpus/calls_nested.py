print(len(str(123)))
