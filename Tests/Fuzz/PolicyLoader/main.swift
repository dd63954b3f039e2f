import FuzzSupport

FuzzDriver.run(testOneInput)
