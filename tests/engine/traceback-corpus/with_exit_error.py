class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise ValueError("exit failed")

with Ctx():
    print("inside")
