module example.com/legacy/worker

go 1.21

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/labstack/echo/v4 v4.11.4
	go.mongodb.org/mongo-driver v1.13.1
)
