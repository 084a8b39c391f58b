// The phone menu button is a <label> that opens the navigation drawer on click. Material already
// clicks a focused label on Enter; Space, the other key that presses a button, is added here.
document.addEventListener("keydown", function (event) {
  var button = event.target.closest && event.target.closest('label[for="__drawer"][tabindex]');
  if (button && event.key === " ") {
    event.preventDefault();
    button.click();
  }
});
