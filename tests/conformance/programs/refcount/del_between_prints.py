class A:
    def __del__(self):
        print("freed")
a = A()
print("before")
del a
print("after")
