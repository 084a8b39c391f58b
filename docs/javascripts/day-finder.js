// "What day is it?": under each list of day-view links, a reader may type their treatment date and
// open the view for today. Without JavaScript the links alone do the job. The date never leaves this
// page: nothing is stored (no cookie, no local storage, autocomplete off), sent or put in the address.
(function () {
  var DAY = 24 * 60 * 60 * 1000;

  function daysSince(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!parts) return null;
    var treated = Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    var now = new Date();
    return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - treated) / DAY);
  }

  // Each link carries its days as classes (day-from-3 day-to-5), written by scripts/timeline.
  function coversDay(link, day) {
    var from = /(?:^|\s)day-from-(\d+)(?:\s|$)/.exec(link.className);
    var to = /(?:^|\s)day-to-(\d+)(?:\s|$)/.exec(link.className);
    return from && day >= Number(from[1]) && (!to || day <= Number(to[1]));
  }

  function addFinder(list, number) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a.day-link"));
    var finder = document.createElement("p");
    finder.className = "day-finder";
    var id = "treatment-date-" + number;
    finder.innerHTML =
      '<label for="' + id + '">Or enter your treatment date:</label>' +
      '<input type="date" id="' + id + '" autocomplete="off"> ' +
      '<button type="button">Show my day</button> ' +
      '<span class="day-finder__message" role="status"></span>';
    var input = finder.querySelector("input");
    var message = finder.querySelector(".day-finder__message");

    function show() {
      var day = daysSince(input.value);
      if (day === null) {
        message.textContent = "Enter the date of your treatment first.";
        return;
      }
      if (day < 0) {
        message.textContent = "That date is in the future. Check the year.";
        return;
      }
      var link = links.filter(function (candidate) { return coversDay(candidate, day); })[0];
      message.textContent = "Today is day " + day + " after your treatment.";
      if (link) window.location.assign(link.href);
    }

    finder.querySelector("button").addEventListener("click", show);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") show();
    });
    list.insertAdjacentElement("afterend", finder);
  }

  // A link to one side effect's details opens them (they are folded to keep the page short).
  function openLinkedDetails() {
    var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  function setUp() {
    var lists = [];
    document.querySelectorAll("a.day-link").forEach(function (link) {
      var list = link.closest("ul");
      if (list && lists.indexOf(list) < 0) lists.push(list);
    });
    lists.forEach(addFinder);
    openLinkedDetails();
  }

  window.addEventListener("hashchange", openLinkedDetails);
  // Material's instant loading swaps pages without a reload; document$ announces each new page.
  if (window.document$) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
