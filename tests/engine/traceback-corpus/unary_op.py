v = -"text"
