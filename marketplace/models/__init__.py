from .pages import HomePage, HomePageFeaturedCooperative, HomePageFeaturedProduct
from .users import User

__all__ = ["HomePage", "HomePageFeaturedCooperative", "HomePageFeaturedProduct", "User"]
