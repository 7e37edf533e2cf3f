class A(B):
    def m(self):
        return super().m()
    def n(self, x):
        super().__init__(x)
        return super().v
