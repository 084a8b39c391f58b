// Wide tables scroll sideways on phones; a scrolling region must be reachable and named for
// keyboard and screen-reader users (WCAG 2.1.1). Material re-renders content on instant navigation,
// so this runs on every page view through its document$ observable.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (region) {
    if (region.scrollWidth > region.clientWidth) {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", "Table, scrolls sideways");
    }
  });
});
