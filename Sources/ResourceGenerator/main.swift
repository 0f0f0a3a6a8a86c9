print("generate-resources")
