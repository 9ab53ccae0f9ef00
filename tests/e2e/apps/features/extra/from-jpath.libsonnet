{ value: "found through -J" }
