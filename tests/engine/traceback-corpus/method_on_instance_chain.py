class Stack:
    def __init__(self):
        self.items = []

    def pop(self):
        return self.items.pop()

    def peek_twice(self):
        self.pop()
        return self.pop()

s = Stack()
s.items.append(1)
s.peek_twice()
