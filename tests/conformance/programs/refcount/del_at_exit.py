class Last:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('finalizing', self.n)
a = Last(1)
b = Last(2)
print('end of module code')
