class A(B):
    def m(self):
        def inner():
            return __class__
        return super().m(), inner
