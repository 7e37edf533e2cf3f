class A(B):
    @classmethod
    def make(cls):
        return super().make()
