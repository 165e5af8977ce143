from django.http import HttpResponse


def territory_list(request):
    return HttpResponse("Faïsse")


def territory_home(request, slug):
    return HttpResponse(slug)


def plan_detail(request, slug):
    return HttpResponse(slug)


def node_detail(request, slug, segment, pk):
    return HttpResponse(slug)
