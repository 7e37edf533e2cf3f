r = a + b - c * d / e // f % g ** h
r = a << b >> c & d | e ^ f @ g
