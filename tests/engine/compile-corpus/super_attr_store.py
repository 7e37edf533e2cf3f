class A(B):
    def m(self):
        super().x(1, 2)
        return super().__init__
