class A:
    class B:
        def m(self):
            pass
