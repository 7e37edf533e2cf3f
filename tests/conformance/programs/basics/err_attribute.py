class Car:
    def __init__(self):
        self.speed = 0
c = Car()
print(c.speed)
c.accelerate()
