class A:
    __x = 1
    def m(self):
        self.__y = 2
        return self.__x, __z
