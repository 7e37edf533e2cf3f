class Res:
    def __del__(self):
        1 / 0

Res()
print("done")
