class A:
    def __del__(self):
        print('bye')
a = A()
a = None
