console.log("calwise: under construction");
