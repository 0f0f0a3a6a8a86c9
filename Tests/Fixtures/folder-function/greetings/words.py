def greeting():
    return "Hello"
