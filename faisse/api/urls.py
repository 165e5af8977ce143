from ninja import NinjaAPI

api = NinjaAPI(title="Faïsse API", version="1", urls_namespace="api")
