from .chrome import Announcement, Menu, SiteChrome
from .pages import (
    ArtisanStoryPage,
    ArtisanStoryPageRelatedProduct,
    GuideIndexPage,
    GuidePage,
    HomePage,
    HomePageFeaturedCollection,
    HomePageFeaturedCooperative,
    HomePageFeaturedProduct,
    StandardPage,
    StoryIndexPage,
)
from .users import User

__all__ = [
    "Announcement",
    "ArtisanStoryPage",
    "ArtisanStoryPageRelatedProduct",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "HomePageFeaturedCollection",
    "HomePageFeaturedCooperative",
    "HomePageFeaturedProduct",
    "Menu",
    "SiteChrome",
    "StandardPage",
    "StoryIndexPage",
    "User",
]
