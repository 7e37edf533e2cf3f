class Resource:
    def __del__(self):
        raise ValueError("close failed")

r = Resource()
del r
print("after del")
x = [1][2]
